// Innovation pathways: an initiative's stage history is one REACHED relationship per step, dated `on`,
// to one of the shared Stage nodes (id = the InitiativeStage value), which the writing queries MERGE.
CREATE CONSTRAINT stage_id IF NOT EXISTS FOR (s:Stage) REQUIRE s.id IS UNIQUE;
