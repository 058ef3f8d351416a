import { followGuide } from '../support/followGuide.js';

followGuide('formats');
