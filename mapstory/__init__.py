"""mapstory: turn a news article into an interactive map story."""
