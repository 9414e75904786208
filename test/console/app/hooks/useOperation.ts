/** One operation of the data endpoint, reloaded when its variables change or the org's data does. */
import type { Data, OperationName, Variables } from '../../shared/operations';
import { useOrg } from '../org-context';
import { useLoader, type Loaded } from './useLoader';

export function useOperation<Op extends OperationName>(operation: Op, variables: Variables<Op>, options: { enabled?: boolean } = {}): Loaded<Data<Op>> {
  const { client, dataVersion } = useOrg();
  const key = JSON.stringify(variables);
  return useLoader(() => client.request(operation, variables), [operation, key, dataVersion], options);
}
