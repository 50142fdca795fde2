// First: the functions below check their settings as they load (see expect-local.ts).
import './expect-local';
import { main as admin } from '../../cloudfunctions/admin/index';
import { main as binding } from '../../cloudfunctions/binding/index';
import { main as card } from '../../cloudfunctions/card/index';
import { main as complaint } from '../../cloudfunctions/complaint/index';
import { main as callback } from '../../cloudfunctions/callback/index';
import { main as desk } from '../../cloudfunctions/desk/index';
import { main as repair } from '../../cloudfunctions/repair/index';
import { main as session } from '../../cloudfunctions/session/index';
import { main as subscription } from '../../cloudfunctions/subscription/index';
import { main as digest } from '../../cloudfunctions/digest/index';
import { main as duty } from '../../cloudfunctions/duty/index';
import { main as intake } from '../../cloudfunctions/intake/index';
import { main as kpi } from '../../cloudfunctions/kpi/index';
import { main as report } from '../../cloudfunctions/report/index';
import { main as sweep } from '../../cloudfunctions/sweep/index';
import { main as task } from '../../cloudfunctions/task/index';
import { main as taskmore } from '../../cloudfunctions/taskmore/index';
import { main as ticket } from '../../cloudfunctions/ticket/index';
import type { FunctionHandlers } from './function-host';

/** The deployed entries themselves, served by the local function host. */
export const LOCAL_FUNCTIONS: FunctionHandlers = {
  session,
  repair,
  ticket,
  task,
  taskmore,
  callback,
  subscription,
  binding,
  complaint,
  card,
  sweep,
  digest,
  duty,
  desk,
  intake,
  kpi,
  report,
  admin,
};
