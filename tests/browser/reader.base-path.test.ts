import { readerSuite } from './reader-suite.ts';

// Once, in Chromium: the same reading and search tests on a build served under BASE_PATH.
readerSuite('chromium', { server: 'basePathReaderURL' });
