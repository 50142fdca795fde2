// Imported first by ./functions: each function checks its settings as its module loads, before the
// stack has started and set CLOUDBASE_SERVICE_URL; this tells it the local defaults apply.
import { expectLocalStack } from '../server/env';

expectLocalStack();
