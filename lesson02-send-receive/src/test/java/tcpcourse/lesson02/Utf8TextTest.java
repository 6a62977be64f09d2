package tcpcourse.lesson02;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Utf8TextTest {

    @Test
    void decodesTextFedOneByteAtATime() {
        String original = "hello, wörld: 3 € and 🙂\r\n";
        byte[] bytes = original.getBytes(UTF_8);
        var text = new Utf8Text();
        var decoded = new StringBuilder();

        for (byte b : bytes) {
            decoded.append(text.decode(new byte[] {b}, 1));
        }
        decoded.append(text.finish());

        assertThat(decoded.toString()).isEqualTo(original);
    }

    @Test
    void usesOnlyTheBytesInUseOfAChunk() {
        byte[] reused = "okXXXX".getBytes(UTF_8);

        String decoded = new Utf8Text().decode(reused, 2);

        assertThat(decoded).isEqualTo("ok");
    }

    @Test
    void replacesACharacterThatNeverFinishes() {
        var text = new Utf8Text();
        byte[] euro = "€".getBytes(UTF_8);

        String beforeTheEnd = text.decode(euro, 2);
        String atTheEnd = text.finish();

        assertThat(beforeTheEnd).isEmpty();
        assertThat(atTheEnd).isEqualTo("\uFFFD");
    }
}
