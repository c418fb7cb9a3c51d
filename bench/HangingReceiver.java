import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A webhook receiver that accepts every connection and never answers, for the benchmark's
 * "receiver hangs" figure. Run as a single-file program: java HangingReceiver.java <port>
 */
public class HangingReceiver {

	public static void main(String[] args) throws Exception {
		List<Socket> held = new ArrayList<>();
		try (ServerSocket server = new ServerSocket()) {
			server.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1000);
			while (true) {
				held.add(server.accept());
			}
		}
	}

}
