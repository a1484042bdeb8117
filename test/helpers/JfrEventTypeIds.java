import java.nio.file.Path;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints "id<TAB>name" for every event type of each recording given, after a "# FILE" line:
 * the JDK's own mapping from the ids that jdk.ActiveSetting events carry to event names, which
 * `jfr print --json` does not show. Run with the source launcher (JDK 11+):
 *
 *   java test/helpers/JfrEventTypeIds.java a.jfr b.jfr
 */
public class JfrEventTypeIds {
  public static void main(String[] args) throws Exception {
    for (String a : args) {
      System.out.println("# " + a);
      try (RecordingFile f = new RecordingFile(Path.of(a))) {
        for (EventType t : f.readEventTypes()) System.out.println(t.getId() + "\t" + t.getName());
      } catch (Exception | InternalError e) {
        System.out.println("! " + e);
      }
    }
  }
}
