// How many review-queue items the explorer asks for per page. Each item asks for its organisations whole
// (lists of themes and identifiers, the place chain), which the API's cost limit counts per item: 25 costs
// about 18,000 of the 30,000 allowed, 50 went over. test/unit/client/documents.test.ts checks it.
export const REVIEW_PAGE = 25;
