// The demo data used to be loaded by a writer that stored only `website`, where every import stores the
// list `websites` too (the first one is `website`): an atlas export of such a database imported back
// reported every demo organisation "updated" (QA L6). That writer now stores the list too; organisations
// stored before get the list an import would have written. Only the stored form changes, not a fact:
// updatedAt and changedInRun stay as they are. (No website: no list, as a registration stores it.)
MATCH (o:Organisation)
WHERE o.websites IS NULL AND o.website IS NOT NULL
CALL (o) {
  SET o.websites = [o.website]
} IN TRANSACTIONS OF 1000 ROWS;
