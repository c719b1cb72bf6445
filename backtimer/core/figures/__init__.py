"""Exercise figures: a stick skeleton, its key poses, and the camera that draws it flat."""
