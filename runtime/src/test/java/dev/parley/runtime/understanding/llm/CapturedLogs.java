package dev.parley.runtime.understanding.llm;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything logged while it is open, down to the finest level, by this runtime and by langchain4j (through SLF4J
 * and JBoss logging to java.util.logging), messages and stack traces alike.
 */
final class CapturedLogs implements AutoCloseable {

    private static final List<String> LOGGERS = List.of("dev.parley", "dev.langchain4j");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Level> levels = LOGGERS.stream().map(name -> Logger.getLogger(name).getLevel()).toList();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(formatter.formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    CapturedLogs() {
        handler.setLevel(Level.ALL);
        for (String name : LOGGERS) {
            Logger.getLogger(name).setLevel(Level.ALL);
        }
        Logger.getLogger("").addHandler(handler);
    }

    String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
        for (int i = 0; i < LOGGERS.size(); i++) {
            Logger.getLogger(LOGGERS.get(i)).setLevel(levels.get(i));
        }
    }
}
