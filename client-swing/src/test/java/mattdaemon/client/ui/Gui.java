package mattdaemon.client.ui;

import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
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
import javax.swing.JMenuBar;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;

/**
 * Drives real windows the way a person does: the mouse and keyboard through {@link Robot},
 * components found by name, state read on the event thread.
 */
final class Gui {
    static final Duration PATIENCE = Duration.ofSeconds(15);

    final Robot robot;

    Gui() throws AWTException {
        robot = new Robot();
        robot.setAutoDelay(10);
        robot.setAutoWaitForIdle(true);
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
                throw new AssertionError("timed out waiting for: " + what);
            }
            sleep(50);
        }
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

    /** Clicks the middle of {@code c} with the left button. */
    void click(Component c) {
        Point p = onEdt(() -> {
            Point origin = c.getLocationOnScreen();
            return new Point(origin.x + c.getWidth() / 2, origin.y + c.getHeight() / 2);
        });
        click(p);
    }

    /** Clicks at a point on the screen. */
    void click(Point p) {
        robot.mouseMove(p.x, p.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    /** Presses the keys together (modifiers first), then releases them. */
    void keys(int... codes) {
        for (int code : codes) {
            robot.keyPress(code);
        }
        for (int i = codes.length - 1; i >= 0; i--) {
            robot.keyRelease(codes[i]);
        }
        robot.waitForIdle();
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

    /** Saves what the screen shows of {@code window} as a PNG. */
    void screenshot(Window window, Path file) throws IOException {
        Rectangle bounds = onEdt(() -> new Rectangle(window.getLocationOnScreen(), window.getSize()));
        robot.waitForIdle();
        Files.createDirectories(file.getParent());
        ImageIO.write(robot.createScreenCapture(bounds), "png", file.toFile());
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
