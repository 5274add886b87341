import { archiveSuite } from './archive-suite.ts';
import { readerSuite } from './reader-suite.ts';

// Chromium reads the build served under BASE_PATH (the harder case: every URL must carry the
// base); Firefox and WebKit read the site at the root, and every other Chromium test file does too.
readerSuite('chromium', { server: 'basePathReaderURL' });
archiveSuite('chromium');
