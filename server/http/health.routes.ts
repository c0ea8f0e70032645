/** `GET /api/health`: liveness, version and uptime, for monitors and integrators. */
import { Router } from 'express';

export interface HealthSource {
  version: string;
  openDocuments: () => number;
  realtimeConnections: () => number;
}

export function healthRoutes(source: HealthSource): Router {
  const startedAt = Date.now();
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({
      status: 'ok',
      version: source.version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      openDocuments: source.openDocuments(),
      realtimeConnections: source.realtimeConnections(),
    });
  });
  return router;
}
