import { followGuide } from '../support/followGuide.js';

followGuide('writing-checks');
