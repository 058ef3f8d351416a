import { followGuide } from '../support/followGuide.js';

followGuide('migrating', {
  notCompiled: [
    {
      containing: "from '@nestjs/terminus'",
      reason: 'the "before" code: @nestjs/terminus 12.2 does not install next to NestJS 12 (the guide says so); scripts/check-doc-snippets.mjs compiles it in the repository, against NestJS 11',
    },
  ],
});
