import { followGuide } from '../support/followGuide.js';

/** The guide's Deployment passes `pulsecheck verify-probes` against the guide's checks (src/health.ts). */
followGuide('kubernetes', {
  output: { 'npx pulsecheck verify-probes k8s/deployment.yaml --module ./dist/health.js': /1 container\(s\) OK/ },
});
