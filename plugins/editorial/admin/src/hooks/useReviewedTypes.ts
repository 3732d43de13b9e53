import { useEffect, useState } from 'react';

import { useEditorialApi, type ReviewedType } from '../api/editorial';

/** Asked once per page load: the server says which types go through review (its config), not the admin. */
let asked: Promise<ReviewedType[]> | null = null;

/** The types under review; null until the server answered (or when it could not: no panel then). */
export const useReviewedTypes = (): ReviewedType[] | null => {
  const api = useEditorialApi();
  const [types, setTypes] = useState<ReviewedType[] | null>(null);
  useEffect(() => {
    let live = true;
    if (!asked)
      asked = api.reviewedTypes().catch((error) => {
        asked = null;
        throw error;
      });
    asked.then(
      (value) => live && setTypes(value),
      () => undefined
    );
    return () => {
      live = false;
    };
  }, [api]);
  return types;
};

/** Whether this document of `model` takes part (events: only contests). */
export const takesPart = (types: ReviewedType[] | null, model: string, document: Record<string, unknown>) => {
  const type = types?.find((candidate) => candidate.uid === model);
  if (!type) return false;
  return !type.when || type.when.in.includes(String(document[type.when.field] ?? ''));
};
