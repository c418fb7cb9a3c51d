// A webhook receiver that verifies Standard Webhooks signatures with the standardwebhooks package.
//
//   npm ci && WEBHOOK_SECRET=whsec_... PORT=4000 node receiver.mjs
//
// A verified event is printed and answered 204; a request that does not verify is answered 400.
import http from "node:http";
import { Webhook } from "standardwebhooks";

const secret = process.env.WEBHOOK_SECRET;
if (!secret) {
  console.error("set WEBHOOK_SECRET to the endpoint's secret (whsec_...)");
  process.exit(1);
}
const webhook = new Webhook(secret);
const port = Number(process.env.PORT ?? 4000);

http
  .createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      // the signature covers the body exactly as sent: verify the raw text, not re-serialised JSON
      const body = Buffer.concat(chunks).toString("utf8");
      try {
        const event = webhook.verify(body, request.headers);
        console.log(`signature verified: ${event.type} ${event.id}`);
        response.writeHead(204).end();
      } catch (refused) {
        console.log(`signature invalid: ${refused.message}`);
        response.writeHead(400).end();
      }
    });
  })
  .listen(port, () => console.log(`listening on http://localhost:${port}/webhooks`));
