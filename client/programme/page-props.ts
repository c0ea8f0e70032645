/**
 * What every page of the structured contract receives from the app: the workspace, who is looking
 * and what they may do, the live document and its current reading, and the workspace's live events.
 */
import type { Role } from '../../shared/permissions';
import type { Me } from '../../shared/schemas/people';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import type { ServerToClientEvents, SocketEvent } from '../../shared/protocol';
import type { ContractSession } from '../controllers/contract-session';
import type { ProgrammeState } from '../controllers/programme-controller';

/** Subscribes to a server event of the open workspace; returns the function that unsubscribes. */
export type ListenToWorkspace = <E extends Exclude<keyof ServerToClientEvents, typeof SocketEvent.presenceChanged>>(event: E, listener: ServerToClientEvents[E]) => () => void;

export interface ProgrammePageProps {
  view: WorkspaceView;
  role: Role | undefined;
  me: Me;
  /** The live contract document (null while it opens). */
  session: ContractSession | null;
  /** True once the document is readable (local copy or server). */
  loaded: boolean;
  /** True when the person may write the document now (role allows it and the server accepts). */
  editable: boolean;
  programme: ProgrammeState | null;
  /** The action sheet of item pages. */
  itemId: string | undefined;
  listen: ListenToWorkspace;
}
