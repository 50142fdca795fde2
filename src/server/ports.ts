import type { TemplateKey } from '../core/notify/templates';
import type { StaffMember } from '../core/routing/staff';
import type { RepairTicket, UnitRef } from '../core/tickets/model';
import type { TicketState } from '../core/tickets/states';

/** Ports: what use cases need from the outside world. Adapters live in ./adapters. */

export interface OwnerUnit extends UnitRef {
  relation: 'owner' | 'family' | 'tenant';
}

export interface OwnerRecord {
  _id: string; // openid
  name: string;
  phone: string;
  units: OwnerUnit[];
}

export interface TicketStore {
  get(id: string): Promise<RepairTicket | null>;
  insert(ticket: RepairTicket): Promise<void>;
  /** Saves `next` only if the stored version is still `expectedVersion`; false otherwise. */
  replace(next: RepairTicket, expectedVersion: number): Promise<boolean>;
  /** Saves the outbox after delivery without bumping the version (delivery is not a state change). */
  saveOutbox(ticket: RepairTicket, sentIds: string[]): Promise<void>;
  listByOwner(openid: string, limit: number): Promise<RepairTicket[]>;
  listByAssignee(staffId: string, states: readonly TicketState[], limit: number): Promise<RepairTicket[]>;
  listByStates(states: readonly TicketState[], limit: number): Promise<RepairTicket[]>;
  /** Adds one credit per template the owner accepted, on a ticket of theirs. False if not theirs. */
  addOwnerCredits(ticketId: string, openid: string, templates: readonly TemplateKey[]): Promise<boolean>;
}

export interface StaffDirectory {
  byOpenid(openid: string): Promise<StaffMember | null>;
  /** Active members of a team (duty is decided by the pure routing code). */
  team(team: StaffMember['team']): Promise<StaffMember[]>;
  /**
   * Takes one credit for the template, and in the same write adjusts the member's workload by
   * `workload`; false (and nothing written) when no credit was left.
   */
  takeCredit(staffId: string, template: TemplateKey, workload?: number): Promise<boolean>;
  /** Adds each delta to that member's open-task count. */
  adjustWorkloads(deltas: Readonly<Record<string, number>>): Promise<void>;
  clearCredit(staffId: string, template: TemplateKey): Promise<void>;
  addCredits(staffId: string, templates: readonly TemplateKey[]): Promise<Record<string, number>>;
}

export interface OwnerDirectory {
  byOpenid(openid: string): Promise<OwnerRecord | null>;
}

export interface PushRequest {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, string>;
}

/** errcode 0 is success; others are WeChat's codes (43101 no credit, 47003 bad data, …). */
export interface Push {
  send(message: PushRequest): Promise<{ errcode: number; errmsg: string }>;
}

export interface Deps {
  tickets: TicketStore;
  staff: StaffDirectory;
  owners: OwnerDirectory;
  push: Push;
  templateIds: Record<TemplateKey, string>;
  now(): number;
  newId(): string;
}
