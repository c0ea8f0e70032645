/** Entry point: reads the environment, starts Trame, prints where to open it, stops cleanly. */
import { networkInterfaces } from 'node:os';
import { createTrame } from './app';
import { readConfig } from './config';
import { createLogger } from './logger';
import { demoWorkspaceId } from './demo/seed-demo';

const config = readConfig();
const logger = createLogger(config.logLevel);

const trame = await createTrame(config, logger).catch((error: unknown) => {
  logger.fatal({ err: error }, 'Trame could not start');
  process.exit(1);
});
const address = await trame.listen();

const hasDemo = trame.db.data.workspaces.some((workspace) => workspace.id === demoWorkspaceId);
const path = hasDemo ? `/w/${demoWorkspaceId}` : '/';
const lanAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((net) => net !== undefined && net.family === 'IPv4' && !net.internal)
  .map((net) => `http://${net?.address}:${address.port}${path}`);
process.stdout.write(
  `\n  Trame est prêt : http://localhost:${address.port}${path}\n` +
    (config.host === '0.0.0.0' && lanAddresses.length > 0 ? `  Sur le réseau local : ${lanAddresses.join('  ')}\n` : '') +
    (hasDemo ? `  Comptes de démonstration : voir le README (coordination@trame.example, …)\n` : '') +
    (trame.setupPath === undefined
      ? ''
      : `  Créez le compte de coordination (lien à usage unique, renouvelé à chaque démarrage) :\n    http://localhost:${address.port}${trame.setupPath}\n`) +
    `  Données : ${config.dataDir}\n\n`,
);

let isStopping = false;
const stop = (signal: string): void => {
  if (isStopping) return;
  isStopping = true;
  logger.info({ signal }, 'stopping: writing pending updates');
  trame.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'error while stopping');
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
