import type { TicketView } from '../../core/contract/views';
import type { Deps } from '../ports';

/** How long a served photo URL opens the photo: long enough to look through a ticket, no longer. */
export const PHOTO_LINK_SECONDS = 15 * 60;

/**
 * The view with each stored photo reference (the owner's, the result's, the work notes') turned
 * into a short-lived URL, all in one storage call. Only views the server built for someone allowed
 * to see the ticket come here. A photo that cannot be linked is left out; when storage cannot be
 * reached at all the view is still answered, without photos (logged).
 */
export const withPhotoLinks = async (deps: Deps, view: TicketView): Promise<TicketView> => {
  const refs = [...new Set([...view.photos, ...view.resultPhotos, ...view.timeline.flatMap((e) => e.photos ?? [])])];
  if (refs.length === 0) return view;
  let links = new Map<string, string>();
  try {
    links = await deps.photoLinks.urls(refs, PHOTO_LINK_SECONDS);
  } catch (e) {
    console.error(`[photos] no links for ticket ${view.id}`, e);
  }
  const linked = (list: readonly string[]) => list.flatMap((ref) => links.get(ref) ?? []);
  return {
    ...view,
    photos: linked(view.photos),
    resultPhotos: linked(view.resultPhotos),
    timeline: view.timeline.map((e) => (e.photos ? { ...e, photos: linked(e.photos) } : e)),
  };
};
