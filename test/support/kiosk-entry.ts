/**
 * The web host as the tests start it (./kiosk-process.ts): `npm run web`'s own start
 * (main/web/cli.ts), with demo peers that record the keys of the sandbox a demo-profile kiosk
 * starts, so the browser suite's privacy scan knows them (./suite-secrets.ts).
 */
import { runWebHost } from '../../main/web/cli';
import { recordingDemoPeers } from './suite-secrets';

void runWebHost({ peers: recordingDemoPeers() });
