namespace Ercot.Core.Import;

/// <summary>Where a running import is: files done out of all, and the file being read.</summary>
public readonly record struct ImportProgress(int FilesDone, int FilesTotal, string CurrentFile, long RowsRead);
