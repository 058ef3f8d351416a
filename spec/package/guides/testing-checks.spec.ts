import { followGuide } from '../support/followGuide.js';

followGuide('testing-checks');
