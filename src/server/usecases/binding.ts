import { createHash } from 'node:crypto';
import { findUnit, type CommunityLayout } from '../../core/binding/community';
import type { BindingRequest } from '../../core/binding/request';
import { cancelRequest, openRequest, reviewRequest, reviewScope, type Reviewer, type RuleResult } from '../../core/binding/review';
import type { ParsedInput } from '../../core/contract/actions';
import { DomainError } from '../../core/errors';
import type { Deps, OwnerRecord } from '../ports';

/** How many of a person's own requests are shown, and how many pending ones a reviewer sees. */
const MINE_LIMIT = 20;
const PENDING_LIMIT = 100;

/**
 * One request slot per person and unit, so a second request for the same unit cannot slip in
 * beside a pending one (the insert of the same id fails). Hashed: the id is shown to clients and
 * to staff, the openid is not.
 */
export const bindingIdOf = (openid: string, unitId: string): string =>
  `b${createHash('sha256').update(`${openid}\n${unitId}`).digest('hex').slice(0, 31)}`;

const must = <T>(result: RuleResult<T>): T => {
  if (!result.ok) throw new DomainError(result.code, result.message);
  return result.value;
};

/** Every community's layout, for the pickers. */
export const listLayouts = (deps: Deps): Promise<CommunityLayout[]> => deps.communities.list();

/**
 * A person asks to bind a unit. The unit must exist in the community's layout; the layout and
 * the person's owner record are read together, then their slot for that unit.
 */
export const requestBinding = async (deps: Deps, openid: string, input: ParsedInput<'binding.request'>): Promise<BindingRequest> => {
  const [layout, owner] = await Promise.all([deps.communities.get(input.communityId), deps.owners.byOpenid(openid)]);
  const unit = layout ? findUnit(layout, input.building, input.unit, input.room) : null;
  if (!unit) throw new DomainError('BINDING.UNIT_UNKNOWN');
  const id = bindingIdOf(openid, unit.id);
  const previous = await deps.bindings.get(id);
  const request = must(
    openRequest(
      { id, openid, name: input.name, phone: input.phone, relation: input.relation, unit },
      { previous, boundUnitIds: (owner?.units ?? []).map((u) => u.id) },
      deps.now(),
    ),
  );
  const saved = previous ? await deps.bindings.replace(request, previous.version) : await deps.bindings.insert(request);
  // Lost to a request for the same unit sent at the same moment (a double tap on two devices).
  if (!saved) throw new DomainError('BINDING.DUPLICATE');
  return request;
};

/** The caller's bound units and their requests, newest first. */
export const myBindings = async (deps: Deps, openid: string): Promise<{ owner: OwnerRecord | null; requests: BindingRequest[] }> => {
  const [owner, requests] = await Promise.all([deps.owners.byOpenid(openid), deps.bindings.listByOpenid(openid, MINE_LIMIT)]);
  return { owner, requests };
};

/** The requester withdraws a pending request. */
export const cancelBinding = async (deps: Deps, openid: string, bindingId: string): Promise<BindingRequest> => {
  const request = await deps.bindings.get(bindingId);
  if (!request) throw new DomainError('BINDING.NOT_FOUND');
  const next = must(cancelRequest(request, openid, deps.now()));
  if (!(await deps.bindings.replace(next, request.version))) throw new DomainError('BINDING.ALREADY_REVIEWED');
  return next;
};

const reviewerOf = async (deps: Deps, openid: string): Promise<Reviewer> => {
  const member = await deps.staff.byOpenid(openid);
  if (!member || !member.active) throw new DomainError('AUTH.FORBIDDEN');
  return { staffId: member._id, openid: member.openid, name: member.name, role: member.role, zones: member.zones, active: member.active };
};

/** Pending requests of the zones the caller reviews. */
export const pendingBindings = async (deps: Deps, openid: string): Promise<BindingRequest[]> => {
  const scope = reviewScope(await reviewerOf(deps, openid));
  if (!scope) throw new DomainError('AUTH.FORBIDDEN');
  return deps.bindings.listPending(scope === 'all' ? null : scope, PENDING_LIMIT);
};

/**
 * A reviewer approves or rejects. The decision is saved only if the request is still the version
 * that was read: of two reviewers deciding at once, one wins and the other is told it was
 * handled. Approving adds the unit to the requester's owner record in the same transaction.
 */
export const reviewBinding = async (deps: Deps, openid: string, input: ParsedInput<'binding.review'>): Promise<BindingRequest> => {
  const [reviewer, request] = await Promise.all([reviewerOf(deps, openid), deps.bindings.get(input.bindingId)]);
  if (!reviewScope(reviewer)) throw new DomainError('AUTH.FORBIDDEN');
  if (!request) throw new DomainError('BINDING.NOT_FOUND');
  const next = must(reviewRequest(request, reviewer, { approve: input.approve, reason: input.reason }, deps.now()));
  // The reviewer decided on what they saw; the requester has withdrawn and asked again since.
  if (input.version !== undefined && input.version !== request.version) throw new DomainError('BINDING.ALREADY_REVIEWED');
  const saved = next.state === 'approved' ? await deps.bindings.approve(next, request.version) : await deps.bindings.replace(next, request.version);
  if (!saved) throw new DomainError('BINDING.ALREADY_REVIEWED');
  return next;
};
