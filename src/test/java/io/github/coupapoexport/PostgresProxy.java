package io.github.coupapoexport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the real PostgreSQL that fails the way a database across a network does: a connection cut
 * in the middle of a statement, the answer to a COMMIT the server applied never reaching the client, and a login
 * refused. It reads PostgreSQL's wire protocol only as far as these need: the start of a connection and the text
 * {@code COMMIT}.
 */
final class PostgresProxy implements AutoCloseable {

    /** PostgreSQL's requests for an encrypted connection, answered "no" by a server without it. */
    private static final Set<Integer> ENCRYPTION_REQUESTS = Set.of(80877103, 80877104);

    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;

    private final int targetPort;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private final AtomicInteger statementsToCut = new AtomicInteger();

    /** The text a statement to cut names, or null for any statement. */
    private volatile byte[] cutOnlyNaming;

    private final AtomicBoolean loseNextCommitAnswer = new AtomicBoolean();

    private volatile boolean refusingLogins;

    PostgresProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Thread acceptor = new Thread(this::accept, "postgres-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The next {@code statements} statements sent through the proxy are cut off with their connection. */
    void cutNextStatements(int statements) {
        cutOnlyNaming = null;
        statementsToCut.set(statements);
    }

    /**
     * The next {@code statements} statements that name {@code text} (a table) are cut off with their connection: the
     * statements a driver or a pool sends while it connects or checks a connection pass, so the cut reaches the
     * caller's own work rather than a pool that quietly opens another connection. Such a statement must be sent
     * with its text, as a first execution is (not a server-prepared one that is only bound again).
     */
    void cutNextStatementsNaming(String text, int statements) {
        cutOnlyNaming = text.getBytes(StandardCharsets.US_ASCII);
        statementsToCut.set(statements);
    }

    /** The next COMMIT reaches the server, which applies it, and its answer never reaches the client. */
    void loseNextCommitAnswer() {
        loseNextCommitAnswer.set(true);
    }

    /** From now on logins are refused as for a wrong password, and open connections are cut; false lets them in. */
    void refuseLogins(boolean refuse) {
        refusingLogins = refuse;
        if (refuse) {
            open.forEach(PostgresProxy::closeQuietly);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(PostgresProxy::closeQuietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread connection = new Thread(() -> connect(client), "postgres-proxy-connection");
                connection.setDaemon(true);
                connection.start();
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        try {
            if (refusingLogins) {
                refuseLogin(client);
                return;
            }
            Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            open.add(target);
            AtomicBoolean swallowAnswer = new AtomicBoolean();
            Thread answers = new Thread(() -> pump(target, client, swallowAnswer, false), "postgres-proxy-answers");
            answers.setDaemon(true);
            answers.start();
            pump(client, target, swallowAnswer, true);
        }
        catch (IOException ex) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean swallowAnswer, boolean fromClient) {
        byte[] buffer = new byte[16384];
        boolean started = false;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                byte[] naming = cutOnlyNaming;
                if (fromClient && started && isStatement(buffer[0])
                        && (naming == null || contains(buffer, read, naming))
                        && statementsToCut.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    break;
                }
                if (fromClient && contains(buffer, read, COMMIT) && loseNextCommitAnswer.compareAndSet(true, false)) {
                    swallowAnswer.set(true);
                }
                if (!fromClient && swallowAnswer.get()) {
                    break;
                }
                out.write(buffer, 0, read);
                out.flush();
                started = true;
            }
        }
        catch (IOException ended) {
            // The other side closed: close this one too.
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    /** Answers the start of a connection with the error PostgreSQL sends for a wrong password (SQLState 28P01). */
    private void refuseLogin(Socket client) throws IOException {
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            int length = in.readInt();
            int code = in.readInt();
            while (ENCRYPTION_REQUESTS.contains(code) && length == 8) {
                out.write('N');
                out.flush();
                length = in.readInt();
                code = in.readInt();
            }
            in.readNBytes(length - 8);
            byte[] fields = ("SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user \"erp\"\0\0")
                .getBytes(StandardCharsets.US_ASCII);
            out.write(ByteBuffer.allocate(5 + fields.length).put((byte) 'E').putInt(4 + fields.length).put(fields)
                .array());
            out.flush();
        }
    }

    /** A message that runs SQL: a simple query, or the parse or execute of the extended protocol. */
    private static boolean isStatement(byte type) {
        return type == 'Q' || type == 'P' || type == 'E';
    }

    private static boolean contains(byte[] buffer, int length, byte[] text) {
        outer:
        for (int i = 0; i <= length - text.length; i++) {
            for (int j = 0; j < text.length; j++) {
                if (buffer[i + j] != text[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception ignored) {
            // Already closed.
        }
    }
}
