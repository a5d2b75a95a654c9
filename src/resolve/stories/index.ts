/**
 * Story clustering: TF-IDF + time + place similarity, average-link agglomeration, titles, scores.
 * @module
 */
export type { StoryItem, StoryPlace } from './story-item.js';
export { clusterStories, DEFAULT_CLUSTER_STORIES_OPTIONS, type ClusterStoriesOptions } from './cluster-stories.js';
export { storyTitle } from './story-title.js';
export { scoreClustering, type ClusteringScores, type PRF } from './clustering-scores.js';
