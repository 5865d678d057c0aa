package dev.brushedit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.edit.EditCategory;
import dev.brushedit.edit.EditPlan;
import dev.brushedit.edit.structure.ObjectMotion;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link EditPlan} as JSON, both ways: the plan a run used is answered in this form, and a
 * corrected one is sent back in the same form ({@code plan} field of an edit request).
 *
 * <p>Thread-safety: stateless.
 */
final class PlanJson {
    static final Set<String> FIELDS = Set.of("category", "targetObject", "targetCaption", "box", "instruction", "motion");
    static final Set<String> MOTION_FIELDS = Set.of("dx", "dy", "scale", "distanceGiven", "directionFraction");

    private PlanJson() {}

    static ObjectNode write(EditPlan plan) {
        ObjectNode out = Fields.response();
        out.put("category", plan.category().name());
        out.put("targetObject", plan.targetObject());
        out.put("targetCaption", plan.targetCaption());
        plan.box().ifPresentOrElse(b -> out.set("box", box(b)), () -> out.putNull("box"));
        out.put("instruction", plan.instruction());
        plan.motion().ifPresentOrElse(m -> {
            ObjectNode motion = out.putObject("motion");
            motion.put("dx", m.dx());
            motion.put("dy", m.dy());
            motion.put("scale", m.scale());
            motion.put("distanceGiven", m.distanceGiven());
            motion.put("directionFraction", m.directionFraction());
        }, () -> out.putNull("motion"));
        return out;
    }

    static com.fasterxml.jackson.databind.node.ArrayNode box(Box b) {
        return Fields.JSON.createArrayNode().add(b.x0()).add(b.y0()).add(b.x1()).add(b.y1());
    }

    /** Reads a plan; {@code instruction} is used when the plan has none. */
    static EditPlan read(Fields plan, String instruction) {
        String name = plan.requireString("category");
        EditCategory category;
        try {
            category = EditCategory.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(plan.name("category"), "must be one of " + java.util.Arrays.toString(EditCategory.values())
                    + ", was " + name);
        }
        Optional<ObjectMotion> motion = plan.object("motion", MOTION_FIELDS).map(PlanJson::motion);
        try {
            return new EditPlan(category, plan.string("targetObject").orElse(""), plan.string("targetCaption").orElse(""),
                    plan.box("box"), plan.string("instruction").orElse(instruction), motion);
        } catch (InvalidInputException e) {
            throw ApiException.badField(plan.name("category"), e.getMessage());
        }
    }

    private static ObjectMotion motion(Fields m) {
        double dx = m.number("dx").orElse(0.0);
        double dy = m.number("dy").orElse(0.0);
        double scale = m.number("scale").orElse(1.0);
        boolean distance = m.bool("distanceGiven").orElse(true);
        try {
            ObjectMotion motion;
            if (Math.round(dx) == 0 && Math.round(dy) == 0) {
                return ObjectMotion.scale(scale);
            } else if (distance) {
                motion = ObjectMotion.move(dx, dy);
            } else {
                boolean nudge = m.number("directionFraction").orElse(0.25) < 0.2;
                int sx = (int) Math.signum(dx);
                int sy = (int) Math.signum(dy);
                motion = nudge ? ObjectMotion.nudge(sx, sy) : ObjectMotion.toward(sx, sy);
            }
            return scale == 1.0 ? motion : motion.withScale(scale);
        } catch (InvalidInputException e) {
            throw ApiException.badField(m.name("dx"), e.getMessage());
        }
    }
}
