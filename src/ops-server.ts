// The operators' HTTP listener (HTTP_PORT): GET /healthz for load balancers and orchestrators, GET /metrics for Prometheus.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Whether the bot can serve, and if not, why (each reason one short sentence). */
export interface Health {
  readonly ok: boolean;
  readonly reasons: readonly string[];
}

export interface OpsServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly health: () => Health;
  readonly metrics: () => Promise<string>;
  readonly metricsContentType: string;
}

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const send = (status: number, type: string, body: string) =>
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : body);
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { allow: "GET, HEAD" }).end();
    if (path === "/healthz") {
      const health = options.health();
      return send(health.ok ? 200 : 503, "application/json", JSON.stringify({ status: health.ok ? "ok" : "unavailable", reasons: health.reasons }));
    }
    if (path === "/metrics") {
      options.metrics().then(
        (text) => send(200, options.metricsContentType, text),
        (err: Error) => send(500, "text/plain", `metrics failed: ${err.message}\n`),
      );
      return;
    }
    send(404, "text/plain", "not found: try /healthz or /metrics\n");
  });
  server.on("clientError", (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
