/** Vite's CSS modules: the default export maps class names to their hashed names. */
declare module '*.module.css' {
  const classes: Record<string, string>;
  export default classes;
}
declare module '*.css';
