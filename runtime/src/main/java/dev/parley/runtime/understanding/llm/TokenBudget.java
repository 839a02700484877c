package dev.parley.runtime.understanding.llm;

/** The tokens a bot may still spend on its model today (the Bot's {@code spec.ai.dailyTokenBudget}). */
interface TokenBudget {

    /** No {@code dailyTokenBudget}: the model is asked whatever it costs. */
    TokenBudget UNLIMITED = new TokenBudget() {
        @Override
        public boolean allows() {
            return true;
        }

        @Override
        public void spend(long tokens) {
        }
    };

    /** Whether today's tokens are not all spent yet; throws when that cannot be known. */
    boolean allows();

    /** Counts tokens a model call used (prompt and completion). */
    void spend(long tokens);
}
