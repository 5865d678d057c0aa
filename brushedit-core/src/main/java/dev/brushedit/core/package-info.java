/**
 * The base of the SDK: the unchecked exception hierarchy ({@link dev.brushedit.core.BrushEditException}
 * and its subclasses), argument checks, {@link dev.brushedit.core.InputLimits} (pixel budgets checked
 * before anything is decoded) and {@link dev.brushedit.core.PixelGrid}. Depends on nothing else in the SDK.
 */
package dev.brushedit.core;
