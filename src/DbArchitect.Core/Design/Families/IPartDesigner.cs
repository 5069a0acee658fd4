namespace DbArchitect.Core.Design.Families;

/// <summary>
/// A family designer that can also design one part of an architecture beside another primary store (a cache in
/// front of it, a set of live positions). The engine says which roles it designs, so the shared architecture code
/// names no engine.
/// </summary>
public interface IPartDesigner
{
    /// <summary>
    /// The designer for <paramref name="role"/> (a <see cref="Technology.SupportingTechnologies"/> role) beside the
    /// primary engine <paramref name="primaryEngineId"/>, and the folder name of its files; null when this engine does
    /// not design that role.
    /// </summary>
    (IFamilyDesigner Designer, string Folder)? ForPart(string role, string primaryEngineId);
}
