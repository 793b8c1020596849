/** @jsxImportSource hono/jsx */
// Shown when the module cannot trust the request enough to redirect back (bad client or redirect_uri).
import { Layout } from "./layout";

export function ErrorPage(props: { title: string; message: string; fix: string }) {
  return (
    <Layout title={props.title}>
      <h1>{props.title}</h1>
      <p class="alert" role="alert">
        {props.message}
      </p>
      <p>{props.fix}</p>
    </Layout>
  );
}
