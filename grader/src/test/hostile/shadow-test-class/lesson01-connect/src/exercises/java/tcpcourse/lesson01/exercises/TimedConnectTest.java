package tcpcourse.lesson01.exercises;

import org.junit.jupiter.api.Test;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "1.1", title = "Connect with a timeout")
class TimedConnectTest {
    @Test @Points(2) void connectsToAListeningServer() {}
    @Test @Points(1) void describesBothEnds() {}
    @Test @Points(2) void givesUpWhenNoAnswerComesWithinTheTimeout() {}
    @Test @Points(1) void reportsARefusedConnection() {}
}
