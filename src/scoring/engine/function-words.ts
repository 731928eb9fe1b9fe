/**
 * English function words (articles, pronouns, prepositions, conjunctions,
 * auxiliaries, negations). Prose is roughly 40–50% function words; a pasted
 * list of key terms has almost none, which is what the keyword-stuffing check
 * looks for. They also never count as rubric "content" vocabulary.
 */
const WORDS = `
a an the this that these those it its it's they them their theirs we us our you your i me my he him his she her
one ones each every any some no none all both either neither other another such what which who whom whose when where
why how whether if then than so as because since while though although unless until once
and or but nor yet also too only just even very really quite rather
of in on at by for with without to from into onto out up down over under about above below between through
across after before during against among along around behind beyond inside outside within via per
is are was were be been being am do does did done doing have has had having will would shall should can could
may might must need needs ought
not never isn't aren't wasn't weren't don't doesn't didn't can't cannot won't wouldn't shouldn't couldn't hasn't
haven't hadn't mustn't there here there's here's that's what's let's
more most less least much many few lot lots own same
`;

export const FUNCTION_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
