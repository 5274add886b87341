import { readerSuite } from './reader-suite.ts';

readerSuite('firefox');
