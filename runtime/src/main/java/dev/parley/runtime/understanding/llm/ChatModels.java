package dev.parley.runtime.understanding.llm;

import java.net.http.HttpClient;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.parley.runtime.config.AiSettings;

/** Builds the langchain4j chat model that the Bot's {@code spec.ai} names, at run time from {@code bot.json}. */
final class ChatModels {

    /** OpenAI's own endpoint; an OpenAI-compatible server's base URL ends in {@code /v1} the same way. */
    static final String OPENAI_URL = "https://api.openai.com/v1";
    static final String OLLAMA_URL = "http://localhost:11434";

    private ChatModels() {
    }

    static ChatModel create(AiSettings ai) {
        return switch (ai.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(http())
                    .baseUrl(ai.baseUrl().orElse(OPENAI_URL))
                    .apiKey(ai.apiKey().orElseThrow())
                    .modelName(ai.model())
                    .timeout(ai.timeout())
                    // LlmExtractor retries, and knows which failures are worth it; the client must not retry as well.
                    .maxRetries(0)
                    // response_format json_schema with "strict": the model can only name catalog words.
                    .strictJsonSchema(true)
                    // Requests carry the key in a header and the customer's text: never logged.
                    .logRequests(false)
                    .logResponses(false)
                    // No temperature: some OpenAI models refuse any but their default, which would fail every call.
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .httpClientBuilder(http())
                    .baseUrl(ai.baseUrl().orElse(OLLAMA_URL))
                    .modelName(ai.model())
                    .timeout(ai.timeout())
                    .maxRetries(0)
                    .temperature(0.0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case RULES -> throw new IllegalArgumentException("the rules provider has no model");
        };
    }

    /**
     * The JDK's HTTP client, named rather than found on the class path (where a second langchain4j client would make
     * the lookup fail), and on HTTP/1.1: on plain http the JDK otherwise offers an h2c upgrade that some
     * OpenAI-compatible servers mishandle.
     */
    private static JdkHttpClientBuilder http() {
        return JdkHttpClient.builder().httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
    }
}
