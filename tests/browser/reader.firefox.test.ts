import { archiveSuite } from './archive-suite.ts';
import { readerSuite } from './reader-suite.ts';

readerSuite('firefox');
archiveSuite('firefox');
