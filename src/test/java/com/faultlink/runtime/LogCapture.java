package com.faultlink.runtime;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Everything FaultLink logs while it is open, as text (to check what a log line shows, and what it must not). */
public final class LogCapture implements AutoCloseable {
  private final StringWriter out = new StringWriter();
  private final WriterAppender appender;
  private final LoggerContext context;

  public LogCapture() {
    context = (LoggerContext) LogManager.getContext(false);
    Configuration conf = context.getConfiguration();
    appender = WriterAppender.newBuilder().setName("capture-" + System.nanoTime()).setTarget(out)
        .setLayout(PatternLayout.newBuilder().withPattern("%p %c{1} [%t] %m%n").build()).build();
    appender.start();
    conf.addAppender(appender);
    conf.getLoggerConfig("com.faultlink").addAppender(appender, Level.ALL, null);
    context.updateLoggers();
  }

  public synchronized String text() {
    return out.toString();
  }

  @Override
  public void close() {
    context.getConfiguration().getLoggerConfig("com.faultlink").removeAppender(appender.getName());
    context.updateLoggers();
    appender.stop();
  }
}
