-- Tokens the LLM order extractor spent per day (prompt + completion, as the provider reported them), so that every
-- replica of the bot counts against one daily budget (the Bot's spec.ai.dailyTokenBudget). The table lives in the
-- bot's own schema, so the budget is per bot. Days are UTC dates.
-- Numbered 10, not 4: migrations 4 and up may land from other branches in parallel.
CREATE TABLE ai_token_usage (
    day     date   PRIMARY KEY,
    tokens  bigint NOT NULL CHECK (tokens >= 0)
);
