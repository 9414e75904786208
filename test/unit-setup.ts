// IndexedDB for unit tests (the background's database); each test file gets a fresh one.
import 'fake-indexeddb/auto';
