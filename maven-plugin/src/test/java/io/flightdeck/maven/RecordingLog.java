package io.flightdeck.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.logging.SystemStreamLog;

/** Maven's log, each line kept with its level ("INFO first line"), and still printed. */
class RecordingLog extends SystemStreamLog {

    final List<String> lines = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
        lines.add("INFO " + content);
        super.info(content);
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("WARNING " + content);
        super.warn(content);
    }
}
