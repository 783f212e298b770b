/**
 * Immutable typed view of the IoT Events control-plane shapes (CreateDetectorModel / CreateInput request shapes).
 * Records mirror the API members one to one; absent optional members are {@code null}, absent lists are empty.
 * {@code with...} methods return edited copies (the editor builds its edits from them). Converting from and to JSON
 * lives in {@code io.detectorstudio.engine.io.ModelTrees}; byte-exact round trips keep using the original tree in
 * {@code LoadedModel}.
 */
package io.detectorstudio.engine.model;
