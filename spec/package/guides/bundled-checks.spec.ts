import { followGuide } from '../support/followGuide.js';

followGuide('bundled-checks');
