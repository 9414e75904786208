/** The options page's two live regions: what just happened (status) and what went wrong (alert). */
export function FormMessages({ status, problem }: { status: string; problem: string | null }) {
  return (
    <>
      <p role="status" class="al-options__status">
        {status}
      </p>
      {problem ? (
        <p role="alert" class="al-options__problem">
          {problem}
        </p>
      ) : null}
    </>
  );
}
