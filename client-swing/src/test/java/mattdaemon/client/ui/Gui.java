package mattdaemon.client.ui;

import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.KeyboardFocusManager;
import java.awt.MouseInfo;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JMenuBar;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import mattdaemon.client.protocol.Connector;
import mattdaemon.client.servers.RecentServers;

/**
 * Drives real windows the way a person does: the mouse and keyboard through {@link Robot},
 * components found by name, state read on the event thread. Every step waits for what it
 * needs (a component showing, the keyboard focus) and tests wait for what a step shows,
 * never for a fixed time: on a loaded machine the event thread may lag by seconds.
 */
final class Gui {
    /** How long a step may take to show its effect; generous, since the machine is shared. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    final Robot robot;

    Gui() throws AWTException {
        robot = new Robot();
        // No waiting for the event thread between a key's press and its release: a key held
        // down while a theme switch or a long reply keeps that thread busy is repeated by X
        // (the test display has auto-repeat off as well). Nor after a step: Robot's idle wait
        // can take seconds while windows repaint; the tests wait for what a step shows.
        robot.setAutoWaitForIdle(false);
        robot.setAutoDelay(5);
    }

    /** Runs {@code work} on the event thread and returns its result. */
    static <T> T onEdt(Callable<T> work) {
        if (SwingUtilities.isEventDispatchThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.set(work.call());
                } catch (Exception e) {
                    failure.set(e);
                }
            });
        } catch (InterruptedException | InvocationTargetException e) {
            throw new AssertionError(e);
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }

    static void onEdt(Runnable work) {
        onEdt(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until {@code condition}, checked on the event thread, holds. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!onEdt(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + PATIENCE.toSeconds() + " s waiting for: " + what);
            }
            sleep(50);
        }
    }

    /** Starts Ben_AFK in the light theme: its connect window for 127.0.0.1:{@code port}. */
    static void startClient(int port, RecentServers recent) {
        onEdt(() -> {
            Theme.apply(false);
            new ClientApp(new Connector(PATIENCE), recent).start("127.0.0.1", port);
        });
    }

    /** Disposes of every window left, so the next test class starts with none. */
    static void disposeAllWindows() {
        onEdt(() -> {
            for (Window w : Window.getWindows()) {
                w.dispose();
            }
        });
    }

    /** The showing window of type {@code type}, waiting for it. */
    static <T extends Window> T window(Class<T> type) {
        AtomicReference<T> found = new AtomicReference<>();
        await("a showing " + type.getSimpleName(), () -> {
            for (Window w : Window.getWindows()) {
                if (type.isInstance(w) && w.isShowing()) {
                    found.set(type.cast(w));
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    /** The component named {@code name} inside {@code root}. */
    static <T extends Component> T find(Container root, String name, Class<T> type) {
        return onEdt(() -> search(root, name, type)
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name)));
    }

    private static <T extends Component> Optional<T> search(Component c, String name, Class<T> type) {
        if (name.equals(c.getName()) && type.isInstance(c)) {
            return Optional.of(type.cast(c));
        }
        if (c instanceof JRootPane root && root.getJMenuBar() instanceof JMenuBar bar) {
            Optional<T> inMenu = search(bar, name, type);
            if (inMenu.isPresent()) {
                return inMenu;
            }
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                Optional<T> found = search(child, name, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Clicks the middle of the part of {@code c} that is visible, once it shows and is enabled. */
    void click(Component c) {
        click(c, new Rectangle(0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    /**
     * Clicks the middle of {@code area} (in {@code c}'s coordinates) as far as it is visible:
     * the point is worked out on the event thread from where {@code c} is on the screen now,
     * so a scrolled or resized view is clicked where it really is.
     */
    void click(Component c, Rectangle area) {
        await(name(c) + " showing and enabled", () -> c.isShowing() && c.isEnabled());
        Point p = onEdt(() -> {
            Rectangle visible = area.intersection(c instanceof JComponent j ? j.getVisibleRect() : new Rectangle(c.getSize()));
            if (visible.isEmpty()) {
                throw new AssertionError("nothing of " + area + " in " + name(c) + " is visible");
            }
            Point origin = c.getLocationOnScreen();
            return new Point(origin.x + visible.x + visible.width / 2, origin.y + visible.y + visible.height / 2);
        });
        click(p);
    }

    /** Clicks at a point on the screen. */
    void click(Point p) {
        robot.mouseMove(p.x, p.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    }

    /** Clicks {@code c} and waits until it owns the keyboard focus, so typing reaches it. */
    void focus(Component c) {
        click(c);
        try {
            await("the keyboard focus on " + name(c), () -> c.isFocusOwner() && SwingUtilities.getWindowAncestor(c).isFocused());
        } catch (AssertionError e) {
            // where the click went tells a covered or misplaced window from a focus problem
            String state = onEdt(() -> {
                Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
                Window window = SwingUtilities.getWindowAncestor(c);
                return "focus owner " + (owner == null ? "none" : name(owner)) + ", window at " + window.getBounds()
                        + (window.isFocused() ? " (focused)" : " (not focused)") + ", " + name(c) + " at "
                        + new Rectangle(c.getLocationOnScreen(), c.getSize()) + ", mouse at "
                        + MouseInfo.getPointerInfo().getLocation();
            });
            throw new AssertionError(e.getMessage() + "; " + state, e);
        }
    }

    /** Focuses {@code field}, types {@code text} into it and waits until it shows what was typed. */
    void typeInto(JTextComponent field, String text) {
        focus(field);
        String before = onEdt(() -> field.getText());
        type(text);
        await("\"" + before + text + "\" in " + name(field), () -> field.getText().equals(before + text));
    }

    /** Presses the keys together (modifiers first), then releases them. */
    void keys(int... codes) {
        for (int code : codes) {
            robot.keyPress(code);
        }
        for (int i = codes.length - 1; i >= 0; i--) {
            robot.keyRelease(codes[i]);
        }
    }

    /** Types plain text: letters, digits, space and a few signs. */
    void type(String text) {
        for (char ch : text.toCharArray()) {
            boolean shift = Character.isUpperCase(ch) || ch == ':' || ch == '_';
            int code = switch (Character.toLowerCase(ch)) {
                case ' ' -> KeyEvent.VK_SPACE;
                case '-', '_' -> KeyEvent.VK_MINUS;
                case '.' -> KeyEvent.VK_PERIOD;
                case ':', ';' -> KeyEvent.VK_SEMICOLON;
                case '/' -> KeyEvent.VK_SLASH;
                default -> {
                    char c = Character.toLowerCase(ch);
                    if (c >= 'a' && c <= 'z') {
                        yield KeyEvent.VK_A + (c - 'a');
                    }
                    if (c >= '0' && c <= '9') {
                        yield KeyEvent.VK_0 + (c - '0');
                    }
                    throw new IllegalArgumentException("cannot type " + ch);
                }
            };
            if (shift) {
                keys(KeyEvent.VK_SHIFT, code);
            } else {
                keys(code);
            }
        }
    }

    /** Moves the mouse off every window, so no hover effect or tooltip shows in a screenshot. */
    void parkMouse() {
        Rectangle screen = Gui.<Rectangle>onEdt(() -> GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds());
        Point[] corners = {new Point(screen.x, screen.y), new Point(screen.x + screen.width - 1, screen.y + screen.height - 1)};
        for (Point corner : corners) {
            boolean covered = onEdt(() -> {
                for (Window w : Window.getWindows()) {
                    if (w.isShowing() && w.getBounds().contains(corner)) {
                        return true;
                    }
                }
                return false;
            });
            if (!covered) {
                robot.mouseMove(corner.x, corner.y);
                robot.waitForIdle();
                return;
            }
        }
        throw new AssertionError("windows cover both corners of the screen");
    }

    /** Saves what the screen shows of {@code window} as a PNG. */
    void screenshot(Window window, Path file) throws IOException {
        robot.waitForIdle();
        Rectangle bounds = onEdt(() -> new Rectangle(window.getLocationOnScreen(), window.getSize()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(robot.createScreenCapture(bounds), "png", file.toFile());
    }

    private static String name(Component c) {
        return c.getName() != null ? c.getName() : c.getClass().getSimpleName();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
