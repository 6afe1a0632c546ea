// www/why.js's words for an explanation (DOM-free): exact lines for each part a method uses.

import { test } from "node:test";
import assert from "node:assert/strict";
import { figure, ordinal, reasons } from "../../www/why.js";

test("numbers: three significant digits, ordinals", () => {
  assert.deepEqual([0.031234, 1.4303, 66.792, 1, 0.5].map(figure), ["0.0312", "1.43", "66.8", "1", "0.5"]);
  assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal), [
    "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
  ]);
});

test("a sentence of one text by the default method, with a focus", () => {
  const s = {
    doc: 0,
    index: 1,
    score: 0.5061,
    explanation: {
      score: 0.5061,
      rank: 2,
      of: 14,
      position: { index: 1, ledeRank: 2, prior: 0.7937, weight: 0.4724, part: 0.3749 },
      centrality: { value: 1.4301, rank: 3, of: 14, part: 0.2731 },
      title: { terms: ["council", "park"], overlap: 0.25, part: 0.0162 },
      length: 0.97,
      focus: { terms: ["Florida"], relevance: 0.8, before: 0.664, factor: 0.762 },
      preferredOver: [
        { doc: 0, index: 6, score: 0.41, why: { kind: "repeats", doc: 0, index: 1, similarity: 0.6234 } },
        { doc: 0, index: 9, score: 0.4, why: { kind: "repeats", doc: 0, index: 0, similarity: 0.55 } },
        { doc: 0, index: 3, score: 0.39, why: { kind: "budget" } },
      ],
    },
  };
  assert.deepEqual(reasons(s), [
    "Score 0.506: 2nd of 14 sentences.",
    "2nd sentence of the text (lede): position 0.794 × weight 0.472, +0.375 to its score.",
    "Centrality 1.43 (the average sentence has 1), 3rd of 14: +0.273.",
    "Shares ‘council’, ‘park’ with the title: +0.0162.",
    "Its length (too short to stand alone, or long for a short summary): score × 0.97.",
    "Matches the focus with ‘Florida’ (relevance 0.8): score × 0.762.",
    "Preferred over sentence 7 (score 0.41: repeats this one, similarity 0.623).",
    "Preferred over sentence 10 (score 0.4: repeats sentence 1, similarity 0.55).",
    "Preferred over sentence 4 (score 0.39: out of the length budget).",
  ]);
});

test("a sentence of a combined summary: concepts and the articles that report it", () => {
  const s = {
    doc: 2,
    index: 4,
    score: 47.549,
    support: [1, 2, 3, 4],
    explanation: {
      score: 47.549,
      rank: 10,
      of: 137,
      concepts: {
        top: [
          { words: "Kirill Dmitriev", weight: 7.1, documents: 5 },
          { words: "special envoy", weight: 4.2, documents: 3 },
        ],
        count: 30,
        weight: 47.549,
      },
      preferredOver: [{ doc: 4, index: 0, score: 40.1, why: { kind: "budget" } }],
    },
  };
  assert.deepEqual(reasons(s, { names: ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"], documents: 5 }), [
    "Score 47.5 (the weight of its concepts): 10th of 137 sentences.",
    "Covers concepts ‘Kirill Dmitriev’ (5 of 5), ‘special envoy’ (3 of 5), in 4 of 5 articles; 30 concepts in all.",
    "Preferred over sentence 1 of e.txt (score 40.1: out of the length budget).",
  ]);
});

test("LEAD: position alone; no title word, no focus word", () => {
  const lead = {
    doc: 0,
    index: 0,
    score: 1,
    explanation: {
      score: 1,
      rank: 1,
      of: 5,
      position: { index: 0, ledeRank: 1, prior: 1, weight: 1, part: 1 },
      preferredOver: [],
    },
  };
  assert.deepEqual(reasons(lead), [
    "Score 1: 1st of 5 sentences.",
    "1st sentence of the text (lede): position 1 × weight 1, +1 to its score.",
  ]);
  const none = {
    ...lead,
    explanation: {
      ...lead.explanation,
      position: undefined,
      title: { terms: [], overlap: 0, part: 0 },
      focus: { terms: [], relevance: 0, before: 1, factor: 0.25 },
    },
  };
  assert.deepEqual(reasons(none).slice(1), ["Shares no word with the title.", "Has none of the focus words: score × 0.25."]);
});
