// Composition root: config -> driver -> HTTP. A placeholder (a "starting" page and /health) until the GraphQL layer replaces its body.
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { createDriver, type Neo4jConnection } from './db/driver.ts';

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4000`. */
  readonly url: string;
  /** Stops accepting requests, finishes open ones, closes the driver. */
  close(): Promise<void>;
}

export async function startServer(config: Config, db: Neo4jConnection): Promise<RunningServer> {
  const driver = createDriver(db);
  const app = express();

  app.get('/health', async (_request, response) => {
    try {
      await driver.verifyConnectivity({ database: db.database });
      response.json({ status: 'ok', neo4j: db.uri });
    } catch (error) {
      response.status(503).json({ status: 'unavailable', neo4j: db.uri, message: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    }
  });
  app.get('/', (_request, response) => {
    response.type('html').send('<!doctype html><meta charset="utf-8"><title>newsgraph</title><p>newsgraph is starting: the explorer is not built yet.</p>');
  });

  const server = await new Promise<import('node:http').Server>((resolveListen, rejectListen) => {
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? rejectListen(error) : resolveListen(listening)));
    listening.once('error', rejectListen);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await driver.close();
    if (error.code === 'EADDRINUSE') {
      throw new Error(`port ${config.port} on ${config.host} is already in use: stop the other server or set PORT to another port`);
    }
    throw error;
  });

  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    async close() {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        // Keep-alive connections from browsers would otherwise hold close() open until they time out.
        server.closeIdleConnections();
      });
      await driver.close();
    },
  };
}
